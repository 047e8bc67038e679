# S002-init-wait: init containers wait for the Services myservice and mydb: Init:0/2 until both exist, then Running
# zh: init 容器等待 Service myservice 与 mydb：两者创建前为 Init:0/2，之后 Running
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app: myapp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 5; done"]
EOF
sleep 20
kubectl get pod myapp-pod
kubectl logs myapp-pod -c init-myservice
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: myservice
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9376
---
apiVersion: v1
kind: Service
metadata:
  name: mydb
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9377
EOF
sleep 20
kubectl get pod
kubectl get svc mydb -o jsonpath='{.spec.clusterIP}'
kubectl logs myapp-pod -c init-mydb
kubectl logs myapp-pod
kubectl describe pod myapp-pod
