# S003-paused: a paused Deployment keeps set image and set resources in its spec; resume rolls both out together
# zh: 暂停的 Deployment 只在 spec 中保存 set image 与 set resources；恢复后一起上线
# The seed's nginx-deploy.yaml, with the container's fields lined up under `- image:`.
cat > nginx-deploy.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
 annotations:
  deployment.k8s.io/revision: "1"
 creationTimestamp: "2020-09-19T02:41:11Z"
 generation: 1
 labels:
  app: nginx
 name: nginx
 namespace: default
spec:
 progressDeadlineSeconds: 600
 replicas: 2 #副本数
 revisionHistoryLimit: 10 # 历史记录保留的个数
 selector:
  matchLabels:
   app: nginx
 strategy:
  rollingUpdate:
   maxSurge: 25%
   maxUnavailable: 25%
  type: RollingUpdate
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
kubectl create -f nginx-deploy.yaml
sleep 15
kubectl get po
kubectl rollout pause deployment nginx
kubectl set image deploy nginx nginx=nginx:1.15.3 --record
sleep 10
kubectl get po
kubectl set resources deploy nginx -c nginx --limits=cpu=200m,memory=128Mi --requests=cpu=10m,memory=16Mi
sleep 10
kubectl get deploy nginx -oyaml
kubectl get rs
kubectl rollout resume deploy nginx
sleep 1
kubectl get rs
sleep 30
kubectl get rs
kubectl get po
