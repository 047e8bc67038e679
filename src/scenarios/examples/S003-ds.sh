# S003-ds: DaemonSet `nginx` follows node labels through a nodeSelector set with `kubectl replace`; 2 revisions
# zh: DaemonSet `nginx` 通过 `kubectl replace` 加上的 nodeSelector 跟随节点标签；2 个版本
# The seed's cluster has five nodes, three of them untainted control planes; this one has master1 (tainted, so the
# DaemonSet, which has no toleration, skips it) and worker1-3. The seed labels k8s-node01 and k8s-node02 first and
# k8s-master03 later; here that is worker1 and worker2, then worker3.
# The seed's nginx-ds.yaml, with the container's fields lined up under `- image:`.
cat > nginx-ds.yaml <<EOF
apiVersion: apps/v1
kind: DaemonSet
metadata:
 labels:
  app: nginx
 name: nginx
spec:
 revisionHistoryLimit: 10
 selector:
  matchLabels:
   app: nginx
 template:
  metadata:
   creationTimestamp: null
   labels:
    app: nginx
  spec:
   containers:
   - image: nginx:1.15.2
     imagePullPolicy: IfNotPresent
     name: nginx
     resources: {}
     terminationMessagePath: /dev/termination-log
     terminationMessagePolicy: File
   dnsPolicy: ClusterFirst
   restartPolicy: Always
   schedulerName: default-scheduler
   securityContext: {}
   terminationGracePeriodSeconds: 30
EOF
kubectl create -f nginx-ds.yaml
sleep 20
kubectl get node -owide
kubectl get po -owide
kubectl label node worker1 worker2 ds=true
kubectl get node --show-labels
# The seed edits the file in vim: the change is a nodeSelector for that label.
cat > nginx-ds.yaml <<EOF
apiVersion: apps/v1
kind: DaemonSet
metadata:
 labels:
  app: nginx
 name: nginx
spec:
 revisionHistoryLimit: 10
 selector:
  matchLabels:
   app: nginx
 template:
  metadata:
   creationTimestamp: null
   labels:
    app: nginx
  spec:
   nodeSelector:
    ds: "true"
   containers:
   - image: nginx:1.15.2
     imagePullPolicy: IfNotPresent
     name: nginx
     resources: {}
     terminationMessagePath: /dev/termination-log
     terminationMessagePolicy: File
   dnsPolicy: ClusterFirst
   restartPolicy: Always
   schedulerName: default-scheduler
   securityContext: {}
   terminationGracePeriodSeconds: 30
EOF
kubectl replace -f nginx-ds.yaml
sleep 2
kubectl get po
sleep 40
kubectl get po -owide
kubectl rollout history ds nginx
kubectl label node worker3 ds=true
sleep 1
kubectl get po
sleep 15
kubectl get po -owide
kubectl get ds nginx
