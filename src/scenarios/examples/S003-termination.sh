# S003-termination: a pod with postStart and a 40-second preStop under a 50-second grace period, deleted and watched
# zh: 带 postStart 和 40 秒 preStop、宽限期 50 秒的 Pod，删除后观察其终止过程
# The seed's lifecycle block as written: preStop has both httpGet and exec, and only one handler is allowed.
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: termination-demo
spec:
  containers:
  - name: nginx
    image: nginx
    lifecycle:
      postStart: # 容器创建完成后执行的指令, 可以是exec httpGet TCPSocket
        exec:
          command:
          - sh
          - -c
          - 'mkdir /data/ '
      preStop:  # Pod结束前执行的指令
        httpGet:      
              path: /
              port: 80
        exec:
          command:
          - sh
          - -c
          - sleep 40
  terminationGracePeriodSeconds: 50 #如果您的Pod通常需要超过30秒（默认时间）才能关闭，请确保增加优雅终止宽限期
EOF
# Fixed: preStop keeps only the exec handler.
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: termination-demo
spec:
  containers:
  - name: nginx
    image: nginx
    lifecycle:
      postStart: # 容器创建完成后执行的指令, 可以是exec httpGet TCPSocket
        exec:
          command:
          - sh
          - -c
          - 'mkdir /data/ '
      preStop:  # Pod结束前执行的指令
        exec:
          command:
          - sh
          - -c
          - sleep 40
  terminationGracePeriodSeconds: 50 #如果您的Pod通常需要超过30秒（默认时间）才能关闭，请确保增加优雅终止宽限期
EOF
sleep 15
kubectl exec termination-demo -- ls -d /data
kubectl delete pod termination-demo --wait=false
kubectl get pod termination-demo
sleep 5
kubectl describe pod termination-demo
sleep 30
kubectl get pod termination-demo
sleep 10
kubectl get pod termination-demo
